/**
 * The distillers' implementation, not API: the built-in JPEG, PNG, GIF and gzip distillers, image
 * decoding behind a pixel limit, EXIF orientation, header parsing and the service's metrics.
 * Embedders use {@code io.shoal.distiller}; everything here may change freely.
 */
package io.shoal.distiller.internal;
