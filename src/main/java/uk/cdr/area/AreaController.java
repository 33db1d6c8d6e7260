package uk.cdr.area;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** The areas the CDOP serves, for a client that must name one (Form A, the import, a filter). */
@RestController
class AreaController {

    private final Areas areas;

    AreaController(Areas areas) {
        this.areas = areas;
    }

    @GetMapping("/api/areas")
    @Operation(summary = "The local authority areas this CDOP serves: the code to send as area, and the name",
            description = "With more than one, Form A and the import must name the child's area.")
    List<Area> areas() {
        return areas.all();
    }
}
