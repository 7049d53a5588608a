/** The paper bench on the netns testbed: emulated hosts, shaped links, CPU quotas, kernel direct routing. */
package io.shoal.it.paper;
