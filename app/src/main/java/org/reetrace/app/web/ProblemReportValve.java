package org.reetrace.app.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;

/**
 * Tomcat refuses some requests before the application sees them (a path with an encoded NUL or a bad {@code %}
 * escape, a malformed URI, a request line or header over the size limit); its error page is HTML. This valve
 * writes those answers as RFC 9457 problems too, so that every 4xx a client gets, wherever it is decided, is
 * {@code application/problem+json}. Under {@code /epcis} the type is the GS1 REST binding's exception name, as
 * the application's own EPCIS problems are typed.
 */
public class ProblemReportValve extends ErrorReportValve {
    /** The binding's exception for a status decided before the application, under {@code /epcis}. */
    private static final Map<Integer, String> EPCIS_TYPES = Map.of(
            400, "epcisException:ValidationException",
            404, "epcisException:NoSuchResourceException",
            406, "epcisException:NotAcceptableException",
            413, "epcisException:CaptureLimitExceededException",
            414, "epcisException:URITooLongException",
            415, "epcisException:UnsupportedMediaTypeException",
            431, "epcisException:ValidationException");

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String uri = request.getRequestURI();
        boolean epcis = uri != null && (uri.equals("/epcis") || uri.startsWith("/epcis/"));
        String type = epcis ? EPCIS_TYPES.getOrDefault(status, status >= 500
                ? "epcisException:ImplementationException" : "epcisException:ValidationException")
                : Problems.forStatus(known == null ? HttpStatus.valueOf(500) : known).toString();
        String title = known == null ? "Error" : known.getReasonPhrase();
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer out = response.getReporter();
            if (out != null) {
                out.write("{\"type\":\"" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"The request was refused before it reached the application (" + title
                        + "); check the path and its encoding.\"}");
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone; nothing is left to say
        }
    }

    /** Puts the valve in place of the host's HTML error report. */
    @Configuration(proxyBeanMethods = false)
    static class Installation {
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve v : host.getPipeline().getValves()) {
                        if (v instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(v);
                        }
                    }
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve());
                }
            });
        }
    }
}
