/**
 * What every module's builders share below the settings and the registries: {@link
 * io.shoal.base.Checks}, the argument checks that fail fast with the house's message shape,
 * {@code what: value (expected: ...)}.
 */
package io.shoal.base;
