package dev.berth.internal;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client TLS context of a docker CLI certificate directory ({@code ca.pem}, {@code cert.pem}, {@code key.pem}).
 * PKCS#8 keys are read by the JDK; PKCS#1 RSA and SEC1 EC keys ({@code BEGIN RSA/EC PRIVATE KEY}) by Bouncy Castle,
 * loaded only for them. Contexts are built once per directory.
 */
final class TlsMaterial {
    private static final Map<Path, SSLContext> CONTEXTS = new ConcurrentHashMap<>();

    private TlsMaterial() {
    }

    static SSLContext context(Path dir) throws IOException {
        try {
            return CONTEXTS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> {
                try {
                    return build(d);
                } catch (IOException | GeneralSecurityException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IllegalStateException e) {
            throw new IOException("Cannot read the TLS material in " + dir + " (ca.pem, cert.pem, key.pem): "
                    + Errors.rootMessage(e), e.getCause());
        }
    }

    private static SSLContext build(Path dir) throws IOException, GeneralSecurityException {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        int i = 0;
        for (Certificate ca : certificates(x509, dir.resolve("ca.pem"))) {
            trust.setCertificateEntry("ca-" + i++, ca);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);

        char[] password = new char[0];
        KeyStore keys = KeyStore.getInstance(KeyStore.getDefaultType());
        keys.load(null, null);
        keys.setKeyEntry("client", privateKey(dir.resolve("key.pem")), password,
                certificates(x509, dir.resolve("cert.pem")).toArray(Certificate[]::new));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, password);

        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static Collection<? extends Certificate> certificates(CertificateFactory x509, Path file)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            Collection<? extends Certificate> certs = x509.generateCertificates(in);
            if (certs.isEmpty()) {
                throw new GeneralSecurityException(file + " holds no certificate");
            }
            return certs;
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file);
        String begin = "-----BEGIN PRIVATE KEY-----";
        int start = pem.indexOf(begin);
        if (start < 0) {
            return BouncyCastleKeys.read(file);
        }
        int end = pem.indexOf("-----END PRIVATE KEY-----", start);
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException tryNext) {
                // not this algorithm
            }
        }
        throw new GeneralSecurityException(file + " holds a PKCS#8 key of an unsupported algorithm");
    }

    /** Keys in the older PEM forms, through Bouncy Castle's PEM parser. */
    private static final class BouncyCastleKeys {
        static PrivateKey read(Path file) throws IOException {
            try (Reader r = Files.newBufferedReader(file);
                 org.bouncycastle.openssl.PEMParser parser = new org.bouncycastle.openssl.PEMParser(r)) {
                Object o = parser.readObject();
                org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter converter =
                        new org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter();
                if (o instanceof org.bouncycastle.openssl.PEMKeyPair pair) {
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (o instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                throw new IOException(file + " holds no unencrypted private key");
            }
        }
    }
}
