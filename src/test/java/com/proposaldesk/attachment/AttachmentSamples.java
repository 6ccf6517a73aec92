package com.proposaldesk.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Files as a bureau has them: a scanned PDF, a Word letter, a photo, an OFD document; and files that are not what they say. */
public final class AttachmentSamples {

    private AttachmentSamples() {
    }

    /** A PDF of about {@code size} bytes: a real header and trailer around random bytes (as a scan's image data). */
    public static byte[] pdf(int size) {
        byte[] head = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Length 0 >>\nstream\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] pdf = new byte[Math.max(size, head.length + tail.length)];
        new Random(size).nextBytes(pdf);
        System.arraycopy(head, 0, pdf, 0, head.length);
        System.arraycopy(tail, 0, pdf, pdf.length - tail.length, tail.length);
        return pdf;
    }

    public static byte[] docx(String text) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText(text);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] png() {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xb5152b);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An OFD document (GB/T 33190): a zip whose root holds OFD.xml. */
    public static byte[] ofd() {
        return zip("OFD.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" "
                + "Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
    }

    /** A zip that is neither an Office document nor an OFD document. */
    public static byte[] plainZip() {
        return zip("说明.txt", "不是 Office 文档");
    }

    /** The start of a Windows program. */
    public static byte[] program() {
        byte[] exe = new byte[2048];
        byte[] head = "MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000\u0000\u0000\u00ff\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, exe, 0, head.length);
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(stub, 0, exe, 78, stub.length);
        exe[60] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    private static byte[] zip(String entry, String content) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
