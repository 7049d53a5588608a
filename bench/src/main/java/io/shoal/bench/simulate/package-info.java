/**
 * The simulator: an analytic model of the paper's cluster past one machine, calibrated on the
 * testbed ({@link io.shoal.bench.simulate.Calibration}), placing the real trace with the real
 * strategies ({@link io.shoal.bench.simulate.Simulation}), and the link-bound ceiling of a cell
 * ({@link io.shoal.bench.simulate.Ceiling}).
 */
package io.shoal.bench.simulate;
