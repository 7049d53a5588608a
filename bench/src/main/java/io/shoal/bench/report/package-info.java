/**
 * Report formats for replay results: one registry, {@link io.shoal.bench.report.ReportFormat},
 * of small writers (a table for people, CSV and JSON for tools).
 */
package io.shoal.bench.report;
