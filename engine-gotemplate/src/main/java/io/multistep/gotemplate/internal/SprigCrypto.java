package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import static io.multistep.gotemplate.internal.GoFunc.P.ANY;
import static io.multistep.gotemplate.internal.GoFunc.P.INT;
import static io.multistep.gotemplate.internal.GoFunc.P.STRING;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Sprig v2.22's crypto.go functions that are not hashes: {@code derivePassword} (the Master Password
 * algorithm), {@code encryptAES}/{@code decryptAES}, and (in {@link SprigCerts}) the key and
 * certificate generators. Failures are Go's texts; Go runtime panics become the panic's message.
 */
final class SprigCrypto {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String MASTER_PASSWORD_SEED = "com.lyndir.masterpassword";
    private static final Map<String, List<String>> PASSWORD_TEMPLATES = Map.of(
            "maximum", List.of("anoxxxxxxxxxxxxxxxxx", "axxxxxxxxxxxxxxxxxno"),
            "long", List.of("CvcvnoCvcvCvcv", "CvcvCvcvnoCvcv", "CvcvCvcvCvcvno", "CvccnoCvcvCvcv", "CvccCvcvnoCvcv",
                    "CvccCvcvCvcvno", "CvcvnoCvccCvcv", "CvcvCvccnoCvcv", "CvcvCvccCvcvno", "CvcvnoCvcvCvcc",
                    "CvcvCvcvnoCvcc", "CvcvCvcvCvccno", "CvccnoCvccCvcv", "CvccCvccnoCvcv", "CvccCvccCvcvno",
                    "CvcvnoCvccCvcc", "CvcvCvccnoCvcc", "CvcvCvccCvccno", "CvccnoCvcvCvcc", "CvccCvcvnoCvcc",
                    "CvccCvcvCvccno"),
            "medium", List.of("CvcnoCvc", "CvcCvcno"),
            "short", List.of("Cvcn"),
            "basic", List.of("aaanaaan", "aannaaan", "aaannaaa"),
            "pin", List.of("nnnn"));
    private static final Map<Character, String> TEMPLATE_CHARACTERS = Map.of(
            'V', "AEIOU",
            'C', "BCDFGHJKLMNPQRSTVWXYZ",
            'v', "aeiou",
            'c', "bcdfghjklmnpqrstvwxyz",
            'A', "AEIOUBCDFGHJKLMNPQRSTVWXYZ",
            'a', "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz",
            'n', "0123456789",
            'o', "@&%?,=[]_:-+*$#!'^~;()/.",
            'x', "AEIOUaeiouBCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz0123456789!@#$%^&*()");

    private SprigCrypto() {
    }

    /** Adds the functions to a function map. */
    static void addTo(Map<String, GoFunc> m) {
        m.put("derivePassword", GoFunc.of("derivePassword", a -> derivePassword(uint32((Long) a[0]), (String) a[1],
                (String) a[2], (String) a[3], (String) a[4]), INT, STRING, STRING, STRING, STRING));
        m.put("encryptAES", GoFunc.of("encryptAES", a -> encryptAES((String) a[0], (String) a[1]), STRING, STRING));
        m.put("decryptAES", GoFunc.of("decryptAES", a -> decryptAES((String) a[0], (String) a[1]), STRING, STRING));
        m.put("genPrivateKey", GoFunc.of("genPrivateKey", a -> SprigCerts.generatePrivateKey((String) a[0]), STRING));
        m.put("buildCustomCert", GoFunc.of("buildCustomCert",
                a -> SprigCerts.buildCustomCertificate((String) a[0], (String) a[1]), STRING, STRING));
        m.put("genCA", GoFunc.of("genCA", a -> SprigCerts.generateCertificateAuthority((String) a[0],
                days((Long) a[1])), STRING, INT));
        m.put("genSelfSignedCert", GoFunc.of("genSelfSignedCert", a -> SprigCerts.generateSelfSignedCertificate(
                (String) a[0], a[1], a[2], days((Long) a[3])), STRING, ANY, ANY, INT));
        m.put("genSignedCert", GoFunc.of("genSignedCert", a -> SprigCerts.generateSignedCertificate(
                (String) a[0], a[1], a[2], days((Long) a[3]), a[4]), STRING, ANY, ANY, INT, ANY));
    }

    // text/template's conversion of an int to the uint32 parameter: negative is refused, the rest truncated.
    private static long uint32(long n) {
        if (n < 0) {
            throw new FuncError("expected unsigned integer; found " + n);
        }
        return n & 0xFFFFFFFFL;
    }

    private static long days(long n) {
        // time.Hour * 24 * time.Duration(daysValid) in nanoseconds; keep it within what Java dates hold
        return Math.max(-3_000_000L, Math.min(3_000_000L, n));
    }

    /** Sprig's derivePassword: Master Password (scrypt N=32768 r=8 p=2, HMAC-SHA256, templates). */
    static String derivePassword(long counter, String passwordType, String password, String user, String site) {
        List<String> templates = PASSWORD_TEMPLATES.get(passwordType);
        if (templates == null) {
            return "cannot find password template " + passwordType;
        }
        byte[] seed = MASTER_PASSWORD_SEED.getBytes(StandardCharsets.UTF_8);
        byte[] userBytes = user.getBytes(StandardCharsets.UTF_8);
        byte[] salt = ByteBuffer.allocate(seed.length + 4 + userBytes.length).put(seed).putInt(userBytes.length)
                .put(userBytes).array();
        byte[] key = SCrypt.generate(password.getBytes(StandardCharsets.UTF_8), salt, 32768, 8, 2, 64);
        byte[] siteBytes = site.getBytes(StandardCharsets.UTF_8);
        byte[] message = ByteBuffer.allocate(seed.length + 4 + siteBytes.length + 4).put(seed)
                .putInt(siteBytes.length).put(siteBytes).putInt((int) counter).array();
        byte[] hmac;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            hmac = mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            return "failed to derive password: " + e.getMessage();
        }
        String temp = templates.get((hmac[0] & 0xff) % templates.size());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < temp.length(); i++) {
            String chars = TEMPLATE_CHARACTERS.get(temp.charAt(i));
            out.append(chars.charAt((hmac[i + 1] & 0xff) % chars.length()));
        }
        return out.toString();
    }

    private static SecretKeySpec aesKey(String password) {
        // key := make([]byte, 32); copy(key, []byte(password))
        return new SecretKeySpec(Arrays.copyOf(password.getBytes(StandardCharsets.UTF_8), 32), "AES");
    }

    /** Sprig's encryptAES: AES-256-CBC, PKCS#7 padding, random IV first, base64. */
    static String encryptAES(String password, String plaintext) {
        if (plaintext.isEmpty()) {
            return "";
        }
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
            c.init(Cipher.ENCRYPT_MODE, aesKey(password), new IvParameterSpec(iv));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(iv, 0, iv.length);
            out.write(ct, 0, ct.length);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new FuncError(e.getMessage());
        }
    }

    /** Sprig's decryptAES, including the panics of malformed input as Go reports them. */
    static String decryptAES(String password, String crypt64) {
        if (crypt64.isEmpty()) {
            return "";
        }
        byte[] crypt = GoBase.decode64(crypt64);
        if (crypt.length < 16) {
            throw new FuncError("runtime error: slice bounds out of range [:16] with capacity " + crypt.length);
        }
        byte[] body = Arrays.copyOfRange(crypt, 16, crypt.length);
        if (body.length % 16 != 0) {
            throw new FuncError("crypto/cipher: input not full blocks");
        }
        if (body.length == 0) {
            throw new FuncError("runtime error: index out of range [-1]");
        }
        byte[] decrypted;
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.DECRYPT_MODE, aesKey(password), new IvParameterSpec(crypt, 0, 16));
            decrypted = c.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new FuncError(e.getMessage());
        }
        // decrypted[:len(decrypted)-int(decrypted[len(decrypted)-1])], padding unchecked as in Sprig
        int end = decrypted.length - (decrypted[decrypted.length - 1] & 0xff);
        if (end < 0) {
            throw new FuncError("runtime error: slice bounds out of range [:" + end + "]");
        }
        return new String(decrypted, 0, end, StandardCharsets.UTF_8);
    }
}
