package chat.plume.media;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decodes an uploaded image and makes what others will download from it: the picture
 * re-encoded from its pixels alone (so EXIF, location and every other metadata is gone), and a
 * thumbnail. The dimensions are checked before decoding, so a small file that would unpack into
 * billions of pixels is refused before it can take the memory.
 *
 * <p>GIF and WebP come out as PNG of their first frame: a GIF's later frames could hide a
 * decompression bomb or metadata, and the JDK writes no WebP (animation is not kept). A JPEG's
 * EXIF orientation is applied to the pixels before its EXIF is dropped. At most two
 * images are processed at once, so that large decodes cannot exhaust the heap together.
 */
public final class ImageProcessor {

    static final int THUMBNAIL_SIZE = 320;
    static final int AVATAR_SIZE = 256;

    private ImageProcessor() {}

    /** The picture others download (re-encoded, no metadata), its size, and its thumbnail. */
    public record Processed(
            byte[] full, String contentType, int width, int height, byte[] thumbnail, String thumbnailType) {}

    /** Not an image after all (cannot be decoded), or too many pixels. */
    public static class Rejected extends Exception {
        private final boolean tooLarge;

        Rejected(String message, boolean tooLarge) {
            super(message, null, false, false);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    private static final Semaphore WORKERS = new Semaphore(2);

    public static Processed process(Path file, String type, long maxPixels) throws Rejected {
        acquire();
        try {
            return processOne(file, type, maxPixels);
        } finally {
            WORKERS.release();
        }
    }

    private static void acquire() throws Rejected {
        try {
            WORKERS.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Rejected("Interrupted.", false);
        }
    }

    private static Processed processOne(Path file, String type, long maxPixels) throws Rejected {
        BufferedImage image = decode(file, type, maxPixels);
        if (type.equals("image/jpeg")) {
            image = ExifOrientation.upright(image, ExifOrientation.of(file));
        }
        boolean jpeg = type.equals("image/jpeg");
        try {
            byte[] full = jpeg ? jpeg(image) : png(image);
            String fullType = jpeg ? "image/jpeg" : "image/png";
            BufferedImage thumb = fit(image, THUMBNAIL_SIZE);
            return new Processed(
                    full,
                    fullType,
                    image.getWidth(),
                    image.getHeight(),
                    jpeg ? jpeg(thumb) : png(thumb),
                    jpeg ? "image/jpeg" : "image/png");
        } catch (IOException e) {
            throw new Rejected("The image could not be re-encoded.", false);
        }
    }

    /** A square avatar: the middle of the picture, scaled to 256×256, as PNG. */
    public static byte[] avatar(Path file, String type, long maxPixels) throws Rejected {
        acquire();
        try {
            return avatarOne(file, type, maxPixels);
        } finally {
            WORKERS.release();
        }
    }

    private static byte[] avatarOne(Path file, String type, long maxPixels) throws Rejected {
        BufferedImage image = decode(file, type, maxPixels);
        if (type.equals("image/jpeg")) {
            image = ExifOrientation.upright(image, ExifOrientation.of(file));
        }
        int side = Math.min(image.getWidth(), image.getHeight());
        BufferedImage square =
                image.getSubimage((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side);
        try {
            return png(scale(square, AVATAR_SIZE, AVATAR_SIZE));
        } catch (IOException e) {
            throw new Rejected("The image could not be re-encoded.", false);
        }
    }

    private static BufferedImage decode(Path file, String type, long maxPixels) throws Rejected {
        ImageReader reader;
        try {
            reader = type.equals("image/webp") ? new WebPImageReaderSpi().createReaderInstance() : firstReader(type);
        } catch (IOException e) {
            throw new Rejected("No reader for " + type, false);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
            if (pixels > maxPixels || pixels <= 0) {
                throw new Rejected("The image has too many pixels.", true);
            }
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw new Rejected("Not a readable image.", false);
            }
            return image;
        } catch (IOException | RuntimeException e) {
            throw new Rejected("Not a readable image.", false);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader firstReader(String type) throws Rejected {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            throw new Rejected("No reader for " + type, false);
        }
        return readers.next();
    }

    private static BufferedImage fit(BufferedImage image, int box) {
        double ratio = Math.min(1.0, Math.min((double) box / image.getWidth(), (double) box / image.getHeight()));
        return scale(image, Math.max(1, (int) Math.round(image.getWidth() * ratio)), Math.max(1, (int)
                Math.round(image.getHeight() * ratio)));
    }

    private static BufferedImage scale(BufferedImage image, int width, int height) {
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("No PNG writer");
        }
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.drawImage(image, 0, 0, Color.WHITE, null);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.9f);
            writer.setOutput(stream);
            // No metadata is passed: the written file carries none of the original's.
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
