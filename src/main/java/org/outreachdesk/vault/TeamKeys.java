package org.outreachdesk.vault;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * A team's secrets (ADR 14 point 6): the team key (32 random bytes, kept inside the encrypted vault) and each
 * laptop's Ed25519 signing key pair (the JDK's), encoded as X.509 (public) and PKCS#8 (private).
 */
public final class TeamKeys {

    /** An Ed25519 key pair as bytes; the caller wipes the private key when done with it. */
    public record SigningPair(byte[] publicKey, byte[] privateKey) {
    }

    private TeamKeys() {
    }

    public static byte[] newTeamKey() {
        return Secrets.random(32);
    }

    public static SigningPair newSigningPair() {
        try {
            KeyPair kp = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new SigningPair(kp.getPublic().getEncoded(), kp.getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    static byte[] sign(byte[] privateKey, byte[] message) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is {@code publicKey}'s over {@code message}; false for a malformed key or signature. */
    static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(publicKey));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
