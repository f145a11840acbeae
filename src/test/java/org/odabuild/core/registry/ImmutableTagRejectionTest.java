package org.odabuild.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pushes refused by registries that keep tags immutable, with the answers they really give. */
class ImmutableTagRejectionTest {

    @Test
    void ecrHarborAndDockerHubAnswersBecomeOneMessage() {
        String[] answers = {
            // Amazon ECR (docker push): TAG_INVALID
            "tag invalid: The image tag '1.2.3' already exists in the 'oda/op' repository and cannot be overwritten"
                    + " because the repository is immutable.",
            // Harbor tag immutability rule (since 1.10)
            "denied: Failed to process request due to 'op:1.2.3' configured as immutable",
            // Docker Hub immutable tags
            "denied: tag 1.2.3 is immutable and cannot be overwritten",
        };
        for (String answer : answers) {
            String message = ImmutableTagRejection.describe("reg.example/oda/op:1.2.3", "reg.example",
                    "Docker daemon at unix:///var/run/docker.sock failed to push: " + answer).orElseThrow();
            assertThat(message).startsWith("registry reg.example keeps reg.example/oda/op:1.2.3 immutable")
                    .contains(answer).endsWith("bump the version in values.yaml and build again.");
        }
    }

    @Test
    void otherPushErrorsAreNotImmutability() {
        assertThat(ImmutableTagRejection.describe("r/op:1", "r", "denied: requested access to the resource is"
                + " denied")).isEmpty();
        assertThat(ImmutableTagRejection.describe("r/op:1", "r", "manifest invalid: manifest invalid")).isEmpty();
    }
}
