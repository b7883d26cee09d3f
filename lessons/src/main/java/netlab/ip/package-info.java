/**
 * IPv4 and IPv6 addresses, masks and subnets, for chapter 1 of the course.
 *
 * <pre>{@code
 * Ipv4.parse("192.168.1.10").addressClass()             // C
 * Ipv4.parse("192.168.1.10").bits(24)                   // network bits blue, host bits orange
 * Subnet.parse("192.168.1.0/24").hosts().size()         // 254
 * Subnet.parse("192.168.1.0/24").split(4)               // four /26
 * Vlsm.allocate(Subnet.parse("10.0.0.0/24"), 100, 50)   // a plan, as a picture and a table
 * Ipv6.parse("2001:0db8:0:0:0:0:0:1")                    // 2001:db8::1
 * }</pre>
 *
 * <p>Every type is immutable and thread safe. Bad text is rejected with a message that names the bad part
 * and shows the valid form.
 */
package netlab.ip;
