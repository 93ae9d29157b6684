package io.multistep.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.junit.jupiter.api.Test;

/**
 * Sprig v2.22's key and certificate generators: the PEM blocks parse as what Go's crypto/x509
 * writes, and the certificates carry the fields of Sprig's getBaseCertTemplate.
 */
class SprigCertificatesTest {

    private static String render(String template) throws Exception {
        return GoTemplate.parse("t", template).execute(Map.of());
    }

    private static byte[] pemBody(String pem, String type) {
        assertThat(pem).startsWith("-----BEGIN " + type + "-----\n").endsWith("-----END " + type + "-----\n");
        String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END"));
        for (String line : body.split("\n")) {
            assertThat(line.length()).as("pem line length").isLessThanOrEqualTo(64);
        }
        return Base64.getMimeDecoder().decode(body);
    }

    private static X509Certificate cert(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static List<String> sans(X509Certificate c) throws Exception {
        return c.getSubjectAlternativeNames().stream().map(l -> String.valueOf(l.get(1))).toList();
    }

    private static BigInteger modulusOfKey(String pem) {
        return RSAPrivateKey.getInstance(pemBody(pem, "RSA PRIVATE KEY")).getModulus();
    }

    @Test
    void genCaIsASelfSignedCaWithACertSignKeyUsage() throws Exception {
        String[] out = render("{{$ca := genCA \"My CA\" 365}}{{$ca.Cert}}|{{$ca.Key}}").split("\\|");
        X509Certificate c = cert(out[0]);
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=My CA");
        assertThat(c.getIssuerX500Principal()).isEqualTo(c.getSubjectX500Principal());
        assertThat(c.getBasicConstraints()).isEqualTo(Integer.MAX_VALUE); // CA without a path length
        assertThat(c.getKeyUsage()).containsExactly(true, false, true, false, false, true, false, false, false);
        assertThat(c.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(c.getSubjectAlternativeNames()).isNull();
        assertThat(c.getExtensionValue("2.5.29.14")).as("subject key id").isNotNull();
        assertThat(Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant())).hasDays(365);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(c.getSerialNumber().bitLength()).isLessThanOrEqualTo(128);
        c.verify(c.getPublicKey());
        assertThat(((RSAPublicKey) c.getPublicKey()).getModulus()).isEqualTo(modulusOfKey(out[1]));
        assertThat(((RSAPublicKey) c.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
    }

    @Test
    void genSignedCertIsIssuedAndSignedByTheCa() throws Exception {
        String[] out = render("{{$ca := genCA \"ca\" 10}}{{$c := genSignedCert \"svc.local\" (list \"10.0.0.1\" \"::1\")"
                + " (list \"svc.local\" \"svc\") 30 $ca}}{{$ca.Cert}}|{{$c.Cert}}|{{$c.Key}}").split("\\|");
        X509Certificate ca = cert(out[0]);
        X509Certificate c = cert(out[1]);
        c.verify(ca.getPublicKey());
        assertThat(c.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=svc.local");
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(c.getKeyUsage()).containsExactly(true, false, true, false, false, false, false, false, false);
        assertThat(sans(c)).containsExactly("svc.local", "svc", "10.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant())).hasDays(30);
        // the authority key id is the CA's subject key id (both OCTET STRING-wrapped DER)
        byte[] ski = ca.getExtensionValue("2.5.29.14");
        byte[] aki = c.getExtensionValue("2.5.29.35");
        assertThat(aki).isNotNull();
        byte[] keyId = java.util.Arrays.copyOfRange(ski, ski.length - 20, ski.length);
        assertThat(new String(aki, StandardCharsets.ISO_8859_1)).contains(new String(keyId, StandardCharsets.ISO_8859_1));
        assertThat(((RSAPublicKey) c.getPublicKey()).getModulus()).isEqualTo(modulusOfKey(out[2]));
    }

    @Test
    void genSelfSignedCertWithoutCommonNameHasACriticalSanAndIsNotACa() throws Exception {
        // Go writes an empty subject and issuer, which the JDK refuses to parse: read it with Bouncy Castle.
        X509CertificateHolder c = new X509CertificateHolder(pemBody(
                render("{{(genSelfSignedCert \"\" nil (list \"only.dns\") 2).Cert}}"), "CERTIFICATE"));
        assertThat(c.getSubject().getRDNs()).isEmpty();
        assertThat(c.getIssuer().getRDNs()).isEmpty();
        Extension san = c.getExtension(Extension.subjectAlternativeName);
        assertThat(san.isCritical()).isTrue();
        assertThat(GeneralNames.getInstance(san.getParsedValue()).getNames())
                .extracting(n -> n.getName().toString()).containsExactly("only.dns");
        assertThat(BasicConstraints.fromExtensions(c.getExtensions()).isCA()).isFalse();
        java.security.PublicKey key = KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(c.getSubjectPublicKeyInfo().getEncoded()));
        assertThat(c.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))).isTrue();
    }

    @Test
    void genPrivateKeyWritesPkcs1Sec1AndSprigsDsaFormat() throws Exception {
        String rsa = render("{{genPrivateKey \"rsa\"}}");
        RSAPrivateKey k = RSAPrivateKey.getInstance(pemBody(rsa, "RSA PRIVATE KEY"));
        assertThat(k.getModulus().bitLength()).isEqualTo(4096);
        KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
        assertThat(render("{{genPrivateKey \"\"}}")).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");

        ECPrivateKey ec = ECPrivateKey.getInstance(pemBody(render("{{genPrivateKey \"ecdsa\"}}"), "EC PRIVATE KEY"));
        assertThat(ec.getParametersObject().toString()).isEqualTo("1.2.840.10045.3.1.7"); // P-256
        assertThat(ec.getPublicKey().getOctets()).hasSize(65);

        ASN1Sequence dsa = ASN1Sequence.getInstance(pemBody(render("{{genPrivateKey \"dsa\"}}"), "DSA PRIVATE KEY"));
        List<BigInteger> fields = java.util.stream.StreamSupport.stream(dsa.spliterator(), false)
                .map(e -> ((ASN1Integer) e).getValue()).toList();
        assertThat(fields).hasSize(6); // Version, P, Q, G, Y, X
        assertThat(fields.get(0)).isZero();
        assertThat(fields.get(1).bitLength()).isEqualTo(2048);
        assertThat(fields.get(2).bitLength()).isEqualTo(256);
        assertThat(fields.get(3).modPow(fields.get(5), fields.get(1))).as("y = g^x mod p").isEqualTo(fields.get(4));
    }
}
