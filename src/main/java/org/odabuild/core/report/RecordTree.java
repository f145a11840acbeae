package org.odabuild.core.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * A report's JSON tree, as Gson's reflective adapter writes it: a record's components by name in declaration order,
 * collections as arrays, maps as objects, enums by their {@link SerializedName} or name, nulls kept. Any other type is
 * refused, so a report field that has no JSON shape fails in the tests, not in a user's build.
 */
final class RecordTree {

    private RecordTree() {
    }

    static JsonElement of(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof JsonElement e) {
            return e;
        }
        if (value instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof Character c) {
            return new JsonPrimitive(c);
        }
        if (value instanceof Enum<?> e) {
            return new JsonPrimitive(name(e));
        }
        if (value instanceof Iterable<?> items) {
            JsonArray a = new JsonArray();
            items.forEach(item -> a.add(of(item)));
            return a;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject o = new JsonObject();
            map.forEach((k, v) -> o.add(k instanceof Enum<?> e ? name(e) : String.valueOf(k), of(v)));
            return o;
        }
        if (value instanceof Record r) {
            return record(r);
        }
        throw new IllegalArgumentException("a report holds records, collections, maps, enums, strings, numbers and"
                + " booleans, not " + value.getClass().getName());
    }

    private static JsonObject record(Record r) {
        JsonObject o = new JsonObject();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                Method accessor = c.getAccessor();
                accessor.setAccessible(true); // records nested in a package-private class
                o.add(c.getName(), of(accessor.invoke(r)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName()
                        + " for a report", e);
            }
        }
        return o;
    }

    private static String name(Enum<?> e) {
        try {
            SerializedName named = e.getDeclaringClass().getField(e.name()).getAnnotation(SerializedName.class);
            return named == null ? e.name() : named.value();
        } catch (NoSuchFieldException impossible) {
            return e.name();
        }
    }
}
