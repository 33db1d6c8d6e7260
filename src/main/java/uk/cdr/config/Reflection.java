package uk.cdr.config;

/**
 * Reads a field of an engine command. Camunda 7 CE ends with 7.24, so these internals no longer
 * change; a changed field fails loudly at the first command rather than letting it through.
 */
final class Reflection {

    private Reflection() {
    }

    @SuppressWarnings("unchecked")
    static <T> T field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                java.lang.reflect.Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return (T) field.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Engine command " + command.getClass() + " has no field " + name);
    }
}
