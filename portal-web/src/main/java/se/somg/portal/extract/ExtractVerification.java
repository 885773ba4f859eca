package se.somg.portal.extract;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import se.somg.portal.language.Dates;
import se.somg.portal.language.Messages;

/**
 * "Verify an extract", open to anyone: was this file issued by SOMG AB, and when? The file's SHA-256 is looked up
 * among the digests the portal records for every extract it issues; the answer names no one. The file is read,
 * hashed and forgotten: nothing of it is stored.
 */
@Named("verification")
@RequestScoped
public class ExtractVerification {

    /** Far more than any extract the portal makes; anything larger is not one of ours. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    @EJB
    private ExtractService extracts;

    @Inject
    private Messages messages;

    @Inject
    private Dates dates;

    private Part file;

    public void verify() {
        if (file == null || file.getSize() == 0) {
            messages.error("verify:file", "verify.choose");
            return;
        }
        if (file.getSize() > MAX_BYTES) {
            messages.error("verify:file", "verify.tooLarge");
            return;
        }
        Optional<java.time.OffsetDateTime> issued = extracts.issuedAt(sha256(file));
        if (issued.isPresent()) {
            messages.info(null, "verify.issued", dates.day(issued.get()));
        } else {
            messages.warn(null, "verify.notIssued");
        }
    }

    private static String sha256(Part part) {
        try (InputStream in = new DigestInputStream(part.getInputStream(), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("the file could not be read", e);
        } finally {
            try {
                part.delete();
            } catch (IOException ignored) {
                // a temporary file the container removes itself at the end of the request
            }
        }
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
