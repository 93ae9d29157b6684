package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Base64/base32 with Go's {@code encoding} error texts. */
public final class GoBase {

    private GoBase() {
    }

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /** Standard padded base64 decoding; newlines are ignored as in Go. */
    public static byte[] decode64(String s) {
        return decode(s.replace("\r", "").replace("\n", ""), B64, 6, 4);
    }

    /** Standard padded base32 decoding. */
    public static byte[] decode32(String s) {
        return decode(s.replace("\r", "").replace("\n", ""), B32, 5, 8);
    }

    private static byte[] decode(String s, String alphabet, int bits, int block) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buf = 0;
        int nbits = 0;
        int i = 0;
        int n = s.length();
        int dataLen = n;
        while (dataLen > 0 && s.charAt(dataLen - 1) == '=') {
            dataLen--;
        }
        if (n % block != 0) {
            int bad = (n / block) * block;
            // Go reports the offset where the incomplete quantum starts
            for (int k = 0; k < Math.min(n, bad); k++) {
                if (alphabet.indexOf(s.charAt(k)) < 0) {
                    throw new FuncError("illegal base64 data at input byte " + k);
                }
            }
            throw new FuncError((bits == 6 ? "illegal base64 data" : "illegal base32 data") + " at input byte "
                    + bad);
        }
        for (i = 0; i < dataLen; i++) {
            int v = alphabet.indexOf(s.charAt(i));
            if (v < 0) {
                throw new FuncError((bits == 6 ? "illegal base64 data" : "illegal base32 data") + " at input byte " + i);
            }
            buf = (buf << bits) | v;
            nbits += bits;
            if (nbits >= 8) {
                nbits -= 8;
                out.write((buf >> nbits) & 0xff);
            }
        }
        return out.toByteArray();
    }

    /** Standard padded base32 encoding. */
    public static String encode32(byte[] b) {
        StringBuilder sb = new StringBuilder();
        int buf = 0;
        int nbits = 0;
        for (byte x : b) {
            buf = (buf << 8) | (x & 0xff);
            nbits += 8;
            while (nbits >= 5) {
                nbits -= 5;
                sb.append(B32.charAt((buf >> nbits) & 31));
            }
        }
        if (nbits > 0) {
            sb.append(B32.charAt((buf << (5 - nbits)) & 31));
        }
        while (sb.length() % 8 != 0) {
            sb.append('=');
        }
        return sb.toString();
    }

    /** UTF-8 bytes. */
    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
