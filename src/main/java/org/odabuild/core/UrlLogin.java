package org.odabuild.core;

/**
 * The login a URL or registry name may carry before its host ({@code https://user:token@host/x},
 * {@code user:token@host/x}): no message, label or log line repeats it. It ends at the last {@code @} before the
 * first {@code /}, {@code ?} or {@code #} after the scheme, as URL parsers read it.
 */
public final class UrlLogin {

    private UrlLogin() {
    }

    public static boolean present(String text) {
        return at(text) >= 0;
    }

    /** The text with its login left out: {@code https://host/x}. */
    public static String removed(String text) {
        int at = at(text);
        return at < 0 ? text : text.substring(0, schemeEnd(text)) + text.substring(at + 1);
    }

    /** The text with its login shown as {@code ***}, for a message that must say where the login was. */
    public static String hidden(String text) {
        int at = at(text);
        return at < 0 ? text : text.substring(0, schemeEnd(text)) + "***" + text.substring(at);
    }

    private static int at(String text) {
        int start = schemeEnd(text);
        int stop = text.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = text.indexOf(c, start);
            if (i >= 0 && i < stop) {
                stop = i;
            }
        }
        int at = text.lastIndexOf('@', stop - 1);
        return at >= start ? at : -1;
    }

    private static int schemeEnd(String text) {
        int colon = text.indexOf("://");
        return colon > 0 && text.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*") ? colon + 3 : 0;
    }
}
