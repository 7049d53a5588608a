/**
 * Test helpers every module's tests share: free loopback ports for nodes ({@link
 * io.shoal.testsupport.Ports}), polling a condition ({@link io.shoal.testsupport.Await}) and child
 * JVMs ({@link io.shoal.testsupport.Jvm}). Test scope only.
 */
package io.shoal.testsupport;
