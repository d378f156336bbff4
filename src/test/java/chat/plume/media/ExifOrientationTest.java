package chat.plume.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExifOrientationTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void theOrientationTagIsReadInBothByteOrders(int orientation) throws IOException {
        assertThat(ExifOrientation.of(withOrientation(jpeg(), orientation, true)))
                .isEqualTo(orientation);
        assertThat(ExifOrientation.of(withOrientation(jpeg(), orientation, false)))
                .isEqualTo(orientation);
    }

    @Test
    void noExifOrGarbageMeansUpright() throws IOException {
        assertThat(ExifOrientation.of(jpeg())).isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[] {1, 2, 3})).isEqualTo(1);
        assertThat(ExifOrientation.of(new byte[0])).isEqualTo(1);
    }

    @Test
    void aPhotoTakenUprightOnItsSideIsTurned() {
        // 4×2 landscape sensor image, the top-left pixel red; orientation 6 = turn 90° clockwise.
        BufferedImage sensor = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        sensor.setRGB(0, 0, Color.RED.getRGB());
        BufferedImage upright = ExifOrientation.upright(sensor, 6);
        assertThat(upright.getWidth()).isEqualTo(2);
        assertThat(upright.getHeight()).isEqualTo(4);
        assertThat(upright.getRGB(1, 0) & 0xFFFFFF).isEqualTo(Color.RED.getRGB() & 0xFFFFFF);
        BufferedImage turned = ExifOrientation.upright(sensor, 3);
        assertThat(turned.getRGB(3, 1) & 0xFFFFFF).isEqualTo(Color.RED.getRGB() & 0xFFFFFF);
        for (int o = 2; o <= 8; o++) {
            BufferedImage result = ExifOrientation.upright(sensor, o);
            assertThat(result.getWidth() * result.getHeight()).isEqualTo(8);
        }
    }

    private static byte[] jpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }

    /** Inserts an APP1 Exif segment whose IFD0 holds one Orientation entry. */
    static byte[] withOrientation(byte[] jpeg, int orientation, boolean littleEndian) {
        byte[] tiff = new byte[8 + 2 + 12 + 4];
        ByteBuffer b = ByteBuffer.wrap(tiff).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        b.put(littleEndian ? (byte) 'I' : (byte) 'M')
                .put(littleEndian ? (byte) 'I' : (byte) 'M')
                .putShort((short) 42)
                .putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112)
                .putShort((short) 3)
                .putInt(1)
                .putShort((short) orientation)
                .putShort((short) 0)
                .putInt(0);
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((exif.length + 2) >> 8);
        out.write((exif.length + 2) & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
