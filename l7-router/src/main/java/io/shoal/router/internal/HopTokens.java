package io.shoal.router.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Hop tokens: the proof, sent in the hop header, that a forwarded request comes from a peer. */
public final class HopTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private HopTokens() {}

  /** The token of node {@code id} under a shared cluster secret: HMAC-SHA256, base64url, 32 chars. */
  public static String derive(String secret, String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] h = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** A random token (128 bits), for a node whose membership publishes it. */
  public static String random() {
    byte[] b = new byte[24];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** Constant-time comparison. */
  public static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** Checks a configured secret. */
  public static String checkSecret(String secret) {
    if (secret.length() < 16) {
      throw new IllegalArgumentException("secret: " + secret.length()
          + " characters (expected: >= 16, the same on every node)");
    }
    return secret;
  }
}
