package org.reetrace.app.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Tomcat lets through to the application. Identifiers are URIs (an EPCIS event hash
 * {@code ni:///sha-256;...?ver=CBV2.0}, a GS1 Digital Link), sent URL-encoded as one path segment: an encoded
 * slash ({@code %2F}) is kept encoded in the path, so that it neither splits the segment nor is refused, and the
 * handlers receive the decoded id whole. The characters RFC 3986 leaves out of a query but clients send unencoded
 * ({@code |}, the REST binding's list separator, {@code { } [ ] ^ ` " < >}) reach the application, which checks
 * the parameters and answers a problem for what it cannot take; Tomcat would refuse them before it.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorSettings {
    static final String RELAXED_QUERY_CHARS = "\"<>[\\]^`{|}";
    static final String RELAXED_PATH_CHARS = "\"<>[]^`{|}";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> uriCharacters() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setProperty("relaxedQueryChars", RELAXED_QUERY_CHARS);
            connector.setProperty("relaxedPathChars", RELAXED_PATH_CHARS);
        });
    }
}
