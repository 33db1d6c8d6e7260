package uk.cdr.area;

/**
 * A local authority area the CDOP serves (domain-2018.md, "Who is responsible"): the area a child
 * normally lived in. The code is what the records and the API keep; the name is what people read.
 */
public record Area(String code, String name) {
}
