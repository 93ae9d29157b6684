package io.multistep.gotemplate.internal;

/** Ports of huandu/xstrings v1.3.2 (the version the reference links with Sprig v2.22). */
final class XStrings {

    private XStrings() {
    }

    private static boolean isConnector(int r) {
        return r == '-' || r == '_' || isSpace(r);
    }

    /** Go's {@code unicode.IsSpace}. */
    private static boolean isSpace(int c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 || (c > 0xff && Character.isSpaceChar(c));
    }

    /** {@code xstrings.ToCamelCase}: {@code _complex__case_} → {@code _Complex_Case_}. */
    static String toCamelCase(String str) {
        if (str.isEmpty()) {
            return "";
        }
        StringBuilder buf = new StringBuilder();
        int r0 = 0;
        int r1;
        int i = 0;
        boolean decoded = false;
        // Leading connectors appear in the output.
        while (i < str.length()) {
            r0 = str.codePointAt(i);
            i += Character.charCount(r0);
            decoded = true;
            if (!isConnector(r0)) {
                r0 = Character.toUpperCase(r0);
                break;
            }
            buf.appendCodePoint(r0);
        }
        if (i >= str.length()) {
            // A string of one rune (after the leading connectors).
            if (decoded) {
                buf.appendCodePoint(r0);
            }
            return buf.toString();
        }
        while (i < str.length()) {
            r1 = r0;
            r0 = str.codePointAt(i);
            i += Character.charCount(r0);
            if (isConnector(r0) && isConnector(r1)) {
                buf.appendCodePoint(r1);
                continue;
            }
            if (isConnector(r1)) {
                r0 = Character.toUpperCase(r0);
            } else {
                r0 = Character.toLowerCase(r0);
                buf.appendCodePoint(r1);
            }
        }
        buf.appendCodePoint(r0);
        return buf.toString();
    }
}
