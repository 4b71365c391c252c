package org.reetrace.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's firewall refuses (a path it cannot normalise safely) gets a problem document like
 * every other refusal, typed as the GS1 binding's exception under {@code /epcis}, never the container's error page.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        String uri = request.getRequestURI();
        boolean epcis = uri != null && (uri.equals("/epcis") || uri.startsWith("/epcis/"));
        String type = epcis ? "epcisException:ValidationException" : Problems.forStatus(HttpStatus.BAD_REQUEST).toString();
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + type + "\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"The request's address is refused: it holds a sequence that cannot be read safely"
                + " (such as an encoded NUL, a backslash or '..'); check the path and its encoding.\"}");
    }
}
