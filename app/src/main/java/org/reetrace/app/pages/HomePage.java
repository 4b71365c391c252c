package org.reetrace.app.pages;

import org.reetrace.app.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;

/** The address a person opens first leads each role to the page it works from. */
@PageController
class HomePage {

    @GetMapping("/")
    String home(Caller caller) {
        return "redirect:" + switch (caller.role()) {
            case REGULATOR -> "/morning";
            case OPERATOR -> "/portal";
            case CUSTOMS -> "/customs";
            case AUDITOR -> "/alerts";
            case PUBLIC -> "/verify";
        };
    }
}
