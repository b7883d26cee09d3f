/**
 * This machine's own network state, read without root: interfaces ({@link netlab.live.Interfaces}), the
 * neighbour (ARP) table ({@link netlab.live.NeighborTable}), routes and which one the kernel would take
 * ({@link netlab.live.RouteTable}), protocol counters ({@link netlab.live.Snmp}) and TCP states made on loopback
 * ({@link netlab.live.TcpStates}). The same ideas as the lab in {@link netlab.sim}, checked against the real kernel.
 */
package netlab.live;
