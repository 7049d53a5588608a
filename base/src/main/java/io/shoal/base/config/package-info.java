/**
 * Configuration shared by every module: the grammars of durations and sizes, and the settings
 * registry each component declares its section in.
 */
package io.shoal.base.config;
