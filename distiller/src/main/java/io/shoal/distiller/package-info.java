/**
 * The distiller: content transforms a cache node applies to an origin response on a miss (JPEG and
 * PNG re-encoding and downscaling, gzip for text), chosen per request by a profile. {@link
 * io.shoal.distiller.DistillService} is what a node calls; {@link io.shoal.distiller.Distiller}
 * and {@link io.shoal.distiller.Distillers} are the pluggable transforms and their one registry.
 */
package io.shoal.distiller;
