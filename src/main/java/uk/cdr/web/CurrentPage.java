package uk.cdr.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path of the page being shown, for the navigation bar to mark its link with
 * aria-current="page" (layout.html): Thymeleaf 3.1 no longer gives templates the request.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentPage {

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
