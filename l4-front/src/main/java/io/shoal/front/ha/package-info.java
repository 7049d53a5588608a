/**
 * High availability of the front: a keepalived (VRRP) configuration for two or more fronts
 * sharing the VIP. Shoal never speaks VRRP itself.
 */
package io.shoal.front.ha;
