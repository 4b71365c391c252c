package org.reetrace.app.certificate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.reetrace.app.pages.PageController;
import org.reetrace.app.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /verify}, public: a person with a certificate (its file, or the address in its QR code) checks it and reads,
 * aspect by aspect, what holds: the regulator's signature, its published key, the validity period, the lot's event in
 * the public log, and that it was not revoked.
 */
@PageController
class VerifyPages {

    /** A certificate is a few kilobytes; a file much larger is not one. */
    private static final long MAX_FILE = 1 << 20;

    private final VerifyCertificate verify;

    VerifyPages(VerifyCertificate verify) {
        this.verify = verify;
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String url, Model model) {
        if (url != null && !url.isBlank()) {
            return byAddress(url, model);
        }
        return "certificate/verify";
    }

    @PostMapping("/verify")
    String check(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String url,
                 Model model) throws IOException {
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MAX_FILE) {
                return mistake(model, "file", "verify.error.large", url);
            }
            model.addAttribute("verification", verify.verify(new String(file.getBytes(), StandardCharsets.UTF_8)));
            model.addAttribute("fileName", file.getOriginalFilename());
            return "certificate/verified";
        }
        if (url != null && !url.isBlank()) {
            return byAddress(url, model);
        }
        return mistake(model, "file", "verify.error.nothing", url);
    }

    private String byAddress(String url, Model model) {
        try {
            model.addAttribute("verification", verify.verifyAt(url));
        } catch (ProblemException problem) {
            if (problem.status() != HttpStatus.UNPROCESSABLE_CONTENT && problem.status() != HttpStatus.NOT_FOUND) {
                throw problem;
            }
            return mistake(model, "url", problem.status() == HttpStatus.NOT_FOUND ? "verify.error.unknown"
                    : "verify.error.other-register", url);
        }
        model.addAttribute("address", url);
        return "certificate/verified";
    }

    private static String mistake(Model model, String field, String message, String url) {
        model.addAttribute("mistakeField", field);
        model.addAttribute("mistake", message);
        model.addAttribute("url", url);
        return "certificate/verify";
    }
}
