/**
 * Content transformations applied on a cache miss: JPEG/PNG re-encoding and downscaling, gzip for text; each distiller pluggable and registered by name.
 */
package io.shoal.distiller;
