logger.info(f"Logging set to %s", logging_level)
