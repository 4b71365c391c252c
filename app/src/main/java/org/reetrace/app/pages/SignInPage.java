package org.reetrace.app.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form. Spring Security takes the form's POST; this page shows why the last attempt failed (a message
 * key set by the token check), or that the session ended or the person signed out.
 */
@PageController
class SignInPage {

    @GetMapping("/sign-in")
    String signIn(HttpServletRequest request, Model model) {
        String message = null;
        if (request.getParameter("failed") != null) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            message = failure instanceof AuthenticationException refusal && refusal.getMessage() != null
                    && refusal.getMessage().startsWith("signin.") ? refusal.getMessage() : "signin.unknown";
        } else if (request.getParameter("ended") != null) {
            message = "signin.ended";
        } else if (request.getParameter("signed-out") != null) {
            message = "signin.signed-out";
        }
        model.addAttribute("message", message);
        return "sign-in";
    }
}
