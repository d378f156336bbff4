package chat.plume.media;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Phones store photos as the sensor saw them and say in EXIF how to turn them. Re-encoding drops
 * EXIF, so the turn is applied to the pixels first; otherwise portrait photos would show sideways.
 * Reads only the Orientation tag (0x0112) of IFD0 in the first APP1 "Exif" segment.
 */
final class ExifOrientation {

    private static final int MAX_HEADER = 256 * 1024;

    private ExifOrientation() {}

    /** The orientation (1–8) of a JPEG file, 1 when absent or unreadable. */
    static int of(Path jpeg) {
        try (InputStream in = Files.newInputStream(jpeg)) {
            return of(in.readNBytes(MAX_HEADER));
        } catch (IOException | RuntimeException e) {
            return 1;
        }
    }

    static int of(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.remaining() < 4 || (b.get() & 0xFF) != 0xFF || (b.get() & 0xFF) != 0xD8) {
            return 1;
        }
        while (b.remaining() > 4) {
            if ((b.get() & 0xFF) != 0xFF) {
                return 1;
            }
            int marker = b.get() & 0xFF;
            int length = b.getShort() & 0xFFFF;
            if (marker == 0xDA || length < 2 || length - 2 > b.remaining()) {
                return 1;
            }
            int start = b.position();
            if (marker == 0xE1
                    && length >= 16
                    && b.get(start) == 'E'
                    && b.get(start + 1) == 'x'
                    && b.get(start + 2) == 'i'
                    && b.get(start + 3) == 'f') {
                return fromTiff(ByteBuffer.wrap(bytes, start + 6, length - 8).slice());
            }
            b.position(start + length - 2);
        }
        return 1;
    }

    private static int fromTiff(ByteBuffer tiff) {
        tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd = tiff.getInt(4);
        if (ifd < 8 || ifd + 2 > tiff.limit()) {
            return 1;
        }
        int entries = tiff.getShort(ifd) & 0xFFFF;
        for (int i = 0; i < entries; i++) {
            int entry = ifd + 2 + i * 12;
            if (entry + 12 > tiff.limit()) {
                return 1;
            }
            if ((tiff.getShort(entry) & 0xFFFF) == 0x0112) {
                int value = tiff.getShort(entry + 8) & 0xFFFF;
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** The image turned (and mirrored) as the orientation says, so that it stands upright. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> {
                t.translate(w, 0);
                t.scale(-1, 1);
            }
            case 3 -> {
                t.translate(w, h);
                t.rotate(Math.PI);
            }
            case 4 -> {
                t.translate(0, h);
                t.scale(1, -1);
            }
            case 5 -> {
                t.rotate(-Math.PI / 2);
                t.scale(-1, 1);
            }
            case 6 -> {
                t.translate(h, 0);
                t.rotate(Math.PI / 2);
            }
            case 7 -> {
                t.scale(-1, 1);
                t.translate(-h, 0);
                t.translate(0, w);
                t.rotate(3 * Math.PI / 2);
            }
            default -> {
                t.translate(0, w);
                t.rotate(3 * Math.PI / 2);
            }
        }
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, t, null);
        } finally {
            g.dispose();
        }
        return turned;
    }
}
