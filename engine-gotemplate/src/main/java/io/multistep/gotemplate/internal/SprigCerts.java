package io.multistep.gotemplate.internal;

import io.multistep.gotemplate.internal.go.FuncError;
import io.multistep.gotemplate.internal.go.GoFmt;
import io.multistep.gotemplate.internal.go.GoStruct;
import io.multistep.gotemplate.internal.go.GoValues;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.DSAGenParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Sprig v2.22's key and certificate generators ({@code genPrivateKey}, {@code genCA},
 * {@code genSelfSignedCert}, {@code genSignedCert}, {@code buildCustomCert}) with the output of
 * Go's {@code crypto/x509} and {@code encoding/pem}: PKCS#1 {@code RSA PRIVATE KEY}, SEC 1
 * {@code EC PRIVATE KEY}, Sprig's ASN.1 {@code DSA PRIVATE KEY}, and certificates carrying the
 * template fields Sprig sets.
 */
final class SprigCerts {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([^-\\n]*)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);

    private SprigCerts() {
    }

    /** Sprig's {@code certificate} struct: {@code .Cert} and {@code .Key}, PEM text. */
    static final class Certificate implements GoStruct, GoMethods {
        private final String cert;
        private final String key;

        Certificate(String cert, String key) {
            this.cert = cert;
            this.key = key;
        }

        @Override
        public String goType() {
            return "sprig.certificate";
        }

        @Override
        public List<String> fieldNames() {
            return List.of("Cert", "Key");
        }

        @Override
        public List<Object> fieldValues() {
            return List.of(cert, key);
        }

        @Override
        public GoFunc method(String name) {
            switch (name) {
                case "Cert": return GoFunc.of(name, a -> cert);
                case "Key": return GoFunc.of(name, a -> key);
                default: return null;
            }
        }
    }

    // ------------------------------------------------------------------ keys

    static String generatePrivateKey(String typ) {
        try {
            switch (typ) {
                case "":
                case "rsa": {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(4096, RANDOM);
                    return pem("RSA PRIVATE KEY", pkcs1(g.generateKeyPair().getPrivate()));
                }
                case "dsa": {
                    // dsa.GenerateParameters(..., dsa.L2048N256)
                    java.security.AlgorithmParameterGenerator pg = java.security.AlgorithmParameterGenerator
                            .getInstance("DSA");
                    pg.init(new DSAGenParameterSpec(2048, 256), RANDOM);
                    KeyPairGenerator g = KeyPairGenerator.getInstance("DSA");
                    g.initialize(pg.generateParameters().getParameterSpec(java.security.spec.DSAParameterSpec.class),
                            RANDOM);
                    KeyPair kp = g.generateKeyPair();
                    DSAPrivateKey k = (DSAPrivateKey) kp.getPrivate();
                    DSAPublicKey p = (DSAPublicKey) kp.getPublic();
                    // Sprig's DSAKeyFormat{Version, P, Q, G, Y, X}
                    ASN1EncodableVector v = new ASN1EncodableVector();
                    v.add(new ASN1Integer(0));
                    v.add(new ASN1Integer(k.getParams().getP()));
                    v.add(new ASN1Integer(k.getParams().getQ()));
                    v.add(new ASN1Integer(k.getParams().getG()));
                    v.add(new ASN1Integer(p.getY()));
                    v.add(new ASN1Integer(k.getX()));
                    return pem("DSA PRIVATE KEY", new DERSequence(v).getEncoded());
                }
                case "ecdsa": {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                    KeyPair kp = g.generateKeyPair();
                    return pem("EC PRIVATE KEY", sec1((ECPrivateKey) kp.getPrivate(), (ECPublicKey) kp.getPublic()));
                }
                default:
                    return "Unknown type " + typ;
            }
        } catch (GeneralSecurityException | IOException e) {
            return "failed to generate private key: " + e.getMessage();
        }
    }

    private static byte[] pkcs1(PrivateKey k) throws IOException {
        RSAPrivateCrtKey r = (RSAPrivateCrtKey) k;
        return new RSAPrivateKey(r.getModulus(), r.getPublicExponent(), r.getPrivateExponent(), r.getPrimeP(),
                r.getPrimeQ(), r.getPrimeExponentP(), r.getPrimeExponentQ(), r.getCrtCoefficient()).getEncoded();
    }

    // x509.MarshalECPrivateKey: version 1, the scalar padded to the curve size, the named curve, the point.
    private static byte[] sec1(ECPrivateKey k, ECPublicKey p) throws IOException {
        byte[] point = new byte[65];
        point[0] = 4;
        copyPadded(p.getW().getAffineX(), point, 1, 32);
        copyPadded(p.getW().getAffineY(), point, 33, 32);
        byte[] scalar = new byte[32];
        copyPadded(k.getS(), scalar, 0, 32);
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(1));
        v.add(new DEROctetString(scalar));
        v.add(new org.bouncycastle.asn1.DERTaggedObject(true, 0, SECObjectIdentifiers.secp256r1));
        v.add(new org.bouncycastle.asn1.DERTaggedObject(true, 1, new DERBitString(point)));
        return new DERSequence(v).getEncoded();
    }

    private static void copyPadded(BigInteger n, byte[] dst, int off, int len) {
        byte[] b = n.toByteArray();
        int start = Math.max(0, b.length - len);
        int count = b.length - start;
        System.arraycopy(b, start, dst, off + len - count, count);
    }

    /** Go's {@code pem.Encode}: base64 in 64-column lines. */
    static String pem(String type, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder("-----BEGIN ").append(type).append("-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return sb.append("-----END ").append(type).append("-----\n").toString();
    }

    /** Go's {@code pem.Decode}: the first block's bytes, or null. */
    private static byte[] pemDecode(String text) {
        Matcher m = PEM.matcher(text);
        if (!m.find()) {
            return null;
        }
        String body = m.group(2).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static KeyPair rsa2048() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048, RANDOM);
        return g.generateKeyPair();
    }

    // ------------------------------------------------------------------ certificates

    static Certificate buildCustomCertificate(String b64cert, String b64key) {
        byte[] cert;
        byte[] key;
        try {
            cert = Base64.getDecoder().decode(b64cert);
        } catch (IllegalArgumentException e) {
            throw new FuncError("unable to decode base64 certificate");
        }
        try {
            key = Base64.getDecoder().decode(b64key);
        } catch (IllegalArgumentException e) {
            throw new FuncError("unable to decode base64 private key");
        }
        byte[] der = pemDecode(new String(cert, StandardCharsets.ISO_8859_1));
        if (der == null) {
            throw new FuncError("unable to decode certificate");
        }
        try {
            new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new FuncError("error parsing certificate: decodedCert.Bytes: x509: malformed certificate");
        }
        byte[] keyDer = pemDecode(new String(key, StandardCharsets.ISO_8859_1));
        if (keyDer == null) {
            throw new FuncError("unable to decode key");
        }
        parsePkcs1(keyDer, "decodedKey.Bytes");
        return new Certificate(new String(cert, StandardCharsets.UTF_8), new String(key, StandardCharsets.UTF_8));
    }

    private static PrivateKey parsePkcs1(byte[] der, String what) {
        try {
            RSAPrivateKey k = RSAPrivateKey.getInstance(der);
            return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(k.getModulus(),
                    k.getPublicExponent(), k.getPrivateExponent(), k.getPrime1(), k.getPrime2(), k.getExponent1(),
                    k.getExponent2(), k.getCoefficient()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new FuncError("error parsing prive key: " + what + ": x509: failed to parse private key");
        }
    }

    static Certificate generateCertificateAuthority(String cn, long daysValid) {
        try {
            KeyPair kp = rsa2048();
            X500Name subject = name(cn);
            return certAndKey(subject, List.of(), List.of(), daysValid, true, kp, subject, kp.getPrivate(), null);
        } catch (GeneralSecurityException e) {
            throw new FuncError("error generating rsa key: " + e.getMessage());
        }
    }

    static Certificate generateSelfSignedCertificate(String cn, Object ips, Object dns, long daysValid) {
        List<byte[]> ipAddresses = netIps(ips);
        List<String> dnsNames = dnsNames(dns);
        try {
            KeyPair kp = rsa2048();
            X500Name subject = name(cn);
            return certAndKey(subject, ipAddresses, dnsNames, daysValid, false, kp, subject, kp.getPrivate(), null);
        } catch (GeneralSecurityException e) {
            throw new FuncError("error generating rsa key: " + e.getMessage());
        }
    }

    static Certificate generateSignedCertificate(String cn, Object ips, Object dns, long daysValid, Object ca) {
        if (!(ca instanceof Certificate c)) {
            throw new FuncError("wrong type for value; expected sprig.certificate; got " + GoValues.typeName(ca));
        }
        byte[] certDer = pemDecode(c.cert);
        if (certDer == null) {
            throw new FuncError("unable to decode certificate");
        }
        X509CertificateHolder signer;
        try {
            signer = new X509CertificateHolder(certDer);
        } catch (IOException | RuntimeException e) {
            throw new FuncError("error parsing certificate: decodedSignerCert.Bytes: x509: malformed certificate");
        }
        byte[] keyDer = pemDecode(c.key);
        if (keyDer == null) {
            throw new FuncError("unable to decode key");
        }
        PrivateKey signerKey = parsePkcs1(keyDer, "decodedSignerKey.Bytes");
        List<byte[]> ipAddresses = netIps(ips);
        List<String> dnsNames = dnsNames(dns);
        try {
            KeyPair kp = rsa2048();
            return certAndKey(name(cn), ipAddresses, dnsNames, daysValid, false, kp, signer.getSubject(), signerKey,
                    signer);
        } catch (GeneralSecurityException e) {
            throw new FuncError("error generating rsa key: " + e.getMessage());
        }
    }

    // pkix.Name{CommonName: cn}: no attribute when empty; PrintableString when it fits, else UTF8String.
    private static X500Name name(String cn) {
        if (cn.isEmpty()) {
            return new X500Name(new RDN[0]);
        }
        boolean printable = cn.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                || (ch >= '0' && ch <= '9') || " '()+,-./:=?*&".indexOf(ch) >= 0);
        return new X500Name(new RDN[] {new RDN(BCStyle.CN,
                printable ? new DERPrintableString(cn) : new DERUTF8String(cn))});
    }

    private static Certificate certAndKey(X500Name subject, List<byte[]> ips, List<String> dns, long daysValid,
                                          boolean isCa, KeyPair signee, X500Name issuer, PrivateKey signingKey,
                                          X509CertificateHolder parent) {
        try {
            Instant now = Instant.now();
            BigInteger serial = new BigInteger(128, RANDOM);
            PublicKey pub = signee.getPublic();
            SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(pub.getEncoded());
            X509v3CertificateBuilder b = new X509v3CertificateBuilder(issuer, serial, Date.from(now),
                    Date.from(now.plusSeconds(daysValid * 86_400L)), subject, spki);
            int usage = KeyUsage.keyEncipherment | KeyUsage.digitalSignature | (isCa ? KeyUsage.keyCertSign : 0);
            b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            b.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            if (isCa) {
                // Go (1.25+) derives a CA's SubjectKeyId from the first 160 bits of SHA-256 of the key bits.
                byte[] h = MessageDigest.getInstance("SHA-256").digest(spki.getPublicKeyData().getBytes());
                b.addExtension(Extension.subjectKeyIdentifier, false,
                        new SubjectKeyIdentifier(java.util.Arrays.copyOf(h, 20)));
            }
            if (parent != null && !parent.getSubject().equals(subject)) {
                Extension ski = parent.getExtension(Extension.subjectKeyIdentifier);
                if (ski != null) {
                    b.addExtension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(
                            SubjectKeyIdentifier.getInstance(ski.getParsedValue()).getKeyIdentifier()));
                }
            }
            if (!ips.isEmpty() || !dns.isEmpty()) {
                List<GeneralName> names = new ArrayList<>();
                for (String d : dns) {
                    names.add(new GeneralName(GeneralName.dNSName, d));
                }
                for (byte[] ip : ips) {
                    names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip)));
                }
                b.addExtension(Extension.subjectAlternativeName, subject.getRDNs().length == 0,
                        new GeneralNames(names.toArray(new GeneralName[0])));
            }
            byte[] der = b.build(new JcaContentSignerBuilder("SHA256withRSA").build(signingKey)).getEncoded();
            return new Certificate(pem("CERTIFICATE", der), pem("RSA PRIVATE KEY", pkcs1(signee.getPrivate())));
        } catch (IOException | GeneralSecurityException | OperatorCreationException | RuntimeException e) {
            throw new FuncError("error creating certificate: " + e.getMessage());
        }
    }

    private static List<byte[]> netIps(Object ips) {
        List<byte[]> out = new ArrayList<>();
        if (ips == null) {
            return out;
        }
        if (!(ips instanceof List<?> l)) {
            throw new FuncError("wrong type for value; expected []interface {}; got " + GoValues.typeName(ips));
        }
        for (Object ip : l) {
            if (!(ip instanceof String s)) {
                throw new FuncError("error parsing ip: " + GoFmt.sprintValue(ip) + " is not a string");
            }
            byte[] b = parseIp(s);
            if (b == null) {
                throw new FuncError("error parsing ip: " + s);
            }
            out.add(b);
        }
        return out;
    }

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    // net.ParseIP: dotted IPv4 (no leading zeros) or IPv6 literal (no zone); never a host name lookup.
    private static byte[] parseIp(String s) {
        try {
            if (IPV4.matcher(s).matches()) {
                for (String part : s.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        return null;
                    }
                }
                return InetAddress.getByName(s).getAddress();
            }
            if (s.indexOf(':') >= 0 && s.matches("[0-9A-Fa-f:.]+")) {
                return InetAddress.getByName(s).getAddress();
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }

    private static List<String> dnsNames(Object dns) {
        List<String> out = new ArrayList<>();
        if (dns == null) {
            return out;
        }
        if (!(dns instanceof List<?> l)) {
            throw new FuncError("wrong type for value; expected []interface {}; got " + GoValues.typeName(dns));
        }
        for (Object d : l) {
            if (!(d instanceof String s)) {
                throw new FuncError("error processing alternate dns name: " + GoFmt.sprintValue(d) + " is not a string");
            }
            out.add(s);
        }
        return out;
    }
}
