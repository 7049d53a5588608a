/**
 * {@code shoal trace}: statistics, top objects, conversion and generation of workload traces,
 * over the {@code traces} module's readers, writers and Surge-model generator.
 */
package io.shoal.cli.trace;
