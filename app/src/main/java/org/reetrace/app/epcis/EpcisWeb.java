package org.reetrace.app.epcis;

import java.util.Arrays;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reetrace.app.web.ProblemException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The EPCIS interface lives under {@code /epcis} (the GS1 REST binding's own paths below it). Every answer
 * carries the GS1 version headers, and a request whose {@code GS1-EPCIS-Min}/{@code GS1-EPCIS-Max} (or
 * {@code GS1-CBV-Min}/{@code GS1-CBV-Max}) leave out the one version spoken here is answered with the binding's
 * 406 before it is handled. Bearer tokens are checked as for {@code /api} (security.SecurityConfiguration
 * covers {@code /epcis/**}), which leaves the caller for the handlers' {@code Caller} arguments.
 */
@Configuration(proxyBeanMethods = false)
class EpcisWeb implements WebMvcConfigurer {
    static final String EPCIS_VERSION = "2.0.0";
    static final String CBV_VERSION = "2.0.0";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                response.setHeader("GS1-EPCIS-Version", EPCIS_VERSION);
                response.setHeader("GS1-CBV-Version", CBV_VERSION);
                requireSpoken(request, "GS1-EPCIS", EPCIS_VERSION);
                requireSpoken(request, "GS1-CBV", CBV_VERSION);
                return true;
            }
        }).addPathPatterns("/epcis", "/epcis/**");
    }

    /** Refuses a request whose {@code <prefix>-Min} is above or {@code <prefix>-Max} below {@code spoken}. */
    static void requireSpoken(HttpServletRequest request, String prefix, String spoken) {
        String min = request.getHeader(prefix + "-Min");
        String max = request.getHeader(prefix + "-Max");
        if (min != null && compare(prefix + "-Min", min, spoken) > 0) {
            throw EpcisProblems.notAcceptable(prefix + "-Min", prefix + "-Min asks for " + min.strip()
                    + " or later; this repository speaks " + spoken + " only");
        }
        if (max != null && compare(prefix + "-Max", max, spoken) < 0) {
            throw EpcisProblems.notAcceptable(prefix + "-Max", prefix + "-Max asks for " + max.strip()
                    + " or earlier; this repository speaks " + spoken + " only");
        }
    }

    /** Compares two versions of up to three numbers ({@code 2}, {@code 2.0}, {@code 2.0.0} are alike). */
    private static int compare(String header, String asked, String spoken) {
        return Arrays.compare(version(header, asked), version(header, spoken));
    }

    private static int[] version(String header, String v) {
        String[] parts = v.strip().split("\\.", -1);
        int[] numbers = new int[3];
        if (parts.length > 3) {
            throw badVersion(header, v);
        }
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("\\d{1,6}")) {
                throw badVersion(header, v);
            }
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }

    private static ProblemException badVersion(String header, String v) {
        return EpcisProblems.invalidHeader(header, header + " must be a version such as 2.0.0, not " + v);
    }
}
