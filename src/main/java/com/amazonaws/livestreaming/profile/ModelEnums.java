package com.amazonaws.livestreaming.profile;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which string members of an SDK model are enums, and their allowed values. The model metadata marks enum
 * members only as strings; the generated builder still has a typed setter ({@code profile(H264Profile)}, or
 * {@code adMarkers(HlsAdMarkers...)} for lists), so the enum class is found through it, and its values through
 * the generated {@code knownValues()}.
 */
final class ModelEnums {
    private static final Map<Class<?>, Map<String, Class<?>>> BY_BUILDER = new ConcurrentHashMap<>();

    private ModelEnums() {}

    /** Lower-cased member name to enum class, for the members of the builder's structure that are enums. */
    static Map<String, Class<?>> of(Class<?> builderClass) {
        return BY_BUILDER.computeIfAbsent(builderClass, ModelEnums::scan);
    }

    static boolean isKnown(Class<?> enumType, String value) {
        return knownValues(enumType).contains(value);
    }

    static List<String> knownValues(Class<?> enumType) {
        try {
            Set<?> values = (Set<?>) enumType.getMethod("knownValues").invoke(null);
            List<String> names = new ArrayList<>();
            for (Object value : values) {
                names.add(value.toString());
            }
            return names;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(enumType.getName() + " has no knownValues()", e);
        }
    }

    /** {@code H264Settings} for {@code H264Settings$BuilderImpl}: the model name users see. */
    static String structureName(Class<?> builderClass) {
        Class<?> outer = builderClass.getEnclosingClass();
        return (outer != null ? outer : builderClass).getSimpleName();
    }

    private static Map<String, Class<?>> scan(Class<?> builderClass) {
        Map<String, Class<?>> enums = new HashMap<>();
        for (Method method : builderClass.getMethods()) {
            if (method.getParameterCount() != 1) {
                continue;
            }
            Class<?> parameter = method.getParameterTypes()[0];
            Class<?> candidate = parameter.isArray() ? parameter.getComponentType() : parameter;
            if (candidate.isEnum()) {
                enums.put(method.getName().toLowerCase(Locale.ROOT), candidate);
            }
        }
        return enums;
    }
}
