package netlab.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netlab.display.Html;
import netlab.display.Svg;

/**
 * Draws a lab: the hubs, switches and routers in a row (in cable order), each with its hosts fanned out below;
 * a lab of hosts alone is one row. Cables are lines with the port number at each end.
 */
final class Topology {

    private record Spot(int x, int y) {
    }

    private Topology() {
    }

    static Svg draw(Lab lab) {
        List<Device> devices = lab.devices();
        Map<Device, List<Device>> neighbours = new HashMap<>();
        for (List<Port> c : lab.cables()) {
            neighbours.computeIfAbsent(c.get(0).device(), k -> new ArrayList<>()).add(c.get(1).device());
            neighbours.computeIfAbsent(c.get(1).device(), k -> new ArrayList<>()).add(c.get(0).device());
        }
        List<Device> backbone = order(devices.stream().filter(d -> !(d instanceof Host)).toList(), neighbours);
        Map<Device, Spot> at = new LinkedHashMap<>();
        int x = 20;
        int rowY = 70;
        List<Device> placed = new ArrayList<>();
        if (backbone.isEmpty()) {
            for (Device d : devices) {
                at.put(d, new Spot(x + 80, rowY));
                x += 200;
            }
        } else {
            for (Device b : backbone) {
                List<Device> hosts = neighbours.getOrDefault(b, List.of()).stream()
                        .filter(n -> n instanceof Host && !placed.contains(n)).distinct().toList();
                placed.addAll(hosts);
                int width = Math.max(200, hosts.size() * 130);
                at.put(b, new Spot(x + width / 2, rowY));
                for (int i = 0; i < hosts.size(); i++) {
                    at.put(hosts.get(i), new Spot(x + 65 + i * 130 + (width - hosts.size() * 130) / 2, rowY + 150));
                }
                x += width;
            }
            for (Device d : devices) {
                if (!at.containsKey(d)) {
                    at.put(d, new Spot(x + 80, rowY + 150));
                    x += 160;
                }
            }
        }
        int width = Math.max(x + 20, at.values().stream().mapToInt(Spot::x).max().orElse(0) + 100);
        int height = at.values().stream().anyMatch(s -> s.y() > rowY) ? 300 : 160;
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">", width, height));
        StringBuilder text = new StringBuilder();
        for (List<Port> c : lab.cables()) {
            Spot a = at.get(c.get(0).device());
            Spot b = at.get(c.get(1).device());
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\" stroke-width=\"2\"/>", a.x(), a.y(), b.x(), b.y()));
            portLabel(s, a, b, c.get(0).index());
            portLabel(s, b, a, c.get(1).index());
            text.append(c.get(0)).append(" ── ").append(c.get(1)).append('\n');
        }
        for (Map.Entry<Device, Spot> e : at.entrySet()) {
            node(s, e.getKey(), e.getValue());
            text.append(String.join(" ", netlab.text.Text.of("sim.kind." + e.getKey().kind()), e.getKey().name(),
                    String.join(", ", addresses(e.getKey()))).strip()).append('\n');
        }
        s.append("</svg>");
        return Svg.of(s.toString(), text.toString().stripTrailing());
    }

    /** The backbone devices in the order a walk along the cables meets them, starting from the first added. */
    private static List<Device> order(List<Device> backbone, Map<Device, List<Device>> neighbours) {
        List<Device> out = new ArrayList<>();
        for (Device start : backbone) {
            if (out.contains(start)) {
                continue;
            }
            ArrayDeque<Device> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                Device d = todo.poll();
                if (out.contains(d)) {
                    continue;
                }
                out.add(d);
                for (Device n : neighbours.getOrDefault(d, List.of())) {
                    if (backbone.contains(n) && !out.contains(n)) {
                        todo.add(n);
                    }
                }
            }
        }
        return out;
    }

    private static void portLabel(StringBuilder s, Spot from, Spot to, int port) {
        double dx = to.x() - from.x();
        double dy = to.y() - from.y();
        double len = Math.max(1, Math.hypot(dx, dy));
        int px = (int) (from.x() + dx / len * 42);
        int py = (int) (from.y() + dy / len * 42);
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#b00\" font-size=\"10\">%d</text>", px + 3, py - 3, port));
    }

    private static void node(StringBuilder s, Device d, Spot p) {
        String fill = switch (d.kind()) {
            case "host" -> "#dbe9f6";
            case "switch" -> "#d5efd5";
            case "hub" -> "#e4e4e4";
            default -> "#fde2c4";
        };
        if (d instanceof Router) {
            s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"26\" fill=\"%s\" stroke=\"#333\"/>", p.x(), p.y(), fill));
        } else {
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"70\" height=\"36\" rx=\"%d\" fill=\"%s\" stroke=\"#333\"/>",
                    p.x() - 35, p.y() - 18, d instanceof Host ? 2 : 10, fill));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>", p.x(), p.y() + 4, Html.escape(d.name())));
        int line = 0;
        for (String a : addresses(d)) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#333\">%s</text>", p.x(), p.y() + 42 + 13 * line++, Html.escape(a)));
        }
    }

    private static List<String> addresses(Device d) {
        List<String> out = new ArrayList<>();
        if (d instanceof IpNode n) {
            for (Iface i : n.ifaces) {
                out.add((n instanceof Router ? i.port().index() + ": " : "") + i);
            }
            if (n instanceof Host h) {
                h.gateway().ifPresent(g -> out.add("gw " + g));
            }
        }
        return out;
    }
}
