package io.shoal.distiller;

import io.shoal.base.Checks;
import java.util.Objects;

/**
 * One object handed to a {@link Distiller}: its media type ({@code image/jpeg}, lower case, no
 * parameters), its full {@code Content-Type} value, its body, the profile, and the largest number
 * of pixels an image may declare before it is refused undecoded.
 */
public record Input(String mediaType, String contentType, byte[] body, Profile profile, long maxPixels) {

  public Input {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(profile, "profile");
    Checks.positive("maxPixels", maxPixels);
  }

  /** An input whose media type is its content type, with the default pixel limit. */
  public static Input of(String contentType, byte[] body, Profile profile) {
    return new Input(io.shoal.distiller.internal.MediaTypes.mediaType(contentType), contentType, body, profile,
        DistillService.DEFAULT_MAX_PIXELS);
  }
}
