package netlab.kernel.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * netlab's logo — three hosts joined by links on a blue tile — drawn in code, so the kernelspec's
 * {@code logo-32x32.png}, {@code logo-64x64.png} and {@code logo-svg.svg} need no binary files in the
 * repository and stay identical. Shapes only, no text: fonts may be missing in a slim container.
 */
final class Logo {

    /** Node centres on a 64-unit canvas. */
    private static final double[][] NODES = {{32, 16}, {16, 46}, {48, 46}};
    private static final Color TILE = new Color(0x1F, 0x6F, 0xEB);
    private static final Color INK = new Color(0xFF, 0xFF, 0xFF);
    private static final Color ACCENT = new Color(0xF7, 0x8C, 0x1F);

    private Logo() {
    }

    /** Writes the three logo files Jupyter looks for into {@code dir}. */
    static void writeAll(Path dir) throws IOException {
        writePng(dir.resolve("logo-32x32.png"), 32);
        writePng(dir.resolve("logo-64x64.png"), 64);
        Files.writeString(dir.resolve("logo-svg.svg"), svg());
    }

    static void writePng(Path file, int size) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(size / 64.0, size / 64.0);
            g.setColor(TILE);
            g.fill(new RoundRectangle2D.Double(0, 0, 64, 64, 14, 14));
            g.setColor(INK);
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < NODES.length; i++) {
                double[] a = NODES[i];
                double[] b = NODES[(i + 1) % NODES.length];
                g.draw(new Line2D.Double(a[0], a[1], b[0], b[1]));
            }
            for (int i = 0; i < NODES.length; i++) {
                g.setColor(i == 0 ? ACCENT : INK);
                g.fill(new Ellipse2D.Double(NODES[i][0] - 8, NODES[i][1] - 8, 16, 16));
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    static String svg() {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">\n");
        s.append("  <rect width=\"64\" height=\"64\" rx=\"7\" fill=\"").append(hex(TILE)).append("\"/>\n");
        s.append("  <g stroke=\"").append(hex(INK)).append("\" stroke-width=\"4\" stroke-linecap=\"round\">\n");
        for (int i = 0; i < NODES.length; i++) {
            double[] a = NODES[i];
            double[] b = NODES[(i + 1) % NODES.length];
            s.append("    <line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>\n".formatted(n(a[0]), n(a[1]), n(b[0]), n(b[1])));
        }
        s.append("  </g>\n");
        for (int i = 0; i < NODES.length; i++) {
            s.append("  <circle cx=\"%s\" cy=\"%s\" r=\"8\" fill=\"%s\"/>\n"
                    .formatted(n(NODES[i][0]), n(NODES[i][1]), hex(i == 0 ? ACCENT : INK)));
        }
        return s.append("</svg>\n").toString();
    }

    private static String hex(Color c) {
        return "#%02x%02x%02x".formatted(c.getRed(), c.getGreen(), c.getBlue());
    }

    private static String n(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
