package com.proposaldesk.assignment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.Yaml;

/** Which department answers for which topics, read from the office's responsibility file (职责目录). */
@Component
public class ResponsibilityCatalogue {

    public record Area(String department, List<String> topics, List<String> keywords) {

        /** How many times this department's topics and keywords occur in the text. */
        int hits(String text) {
            int hits = 0;
            for (String word : terms()) {
                for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
                    hits++;
                }
            }
            return hits;
        }

        private List<String> terms() {
            List<String> terms = new ArrayList<>(topics);
            terms.addAll(keywords);
            return terms;
        }
    }

    private final List<Area> areas;

    @Autowired
    public ResponsibilityCatalogue(@Value("${proposal-desk.assignment.catalogue:classpath:assignment/responsibilities.yaml}") Resource file) {
        this.areas = read(file);
    }

    ResponsibilityCatalogue(List<Area> areas) {
        this.areas = List.copyOf(areas);
    }

    /** The areas in the file's order, which is also the order ties are listed in. */
    public List<Area> areas() {
        return areas;
    }

    @SuppressWarnings("unchecked")
    private static List<Area> read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Map<String, List<String>>> departments =
                    (Map<String, Map<String, List<String>>>) root.getOrDefault("departments", new LinkedHashMap<>());
            List<Area> areas = new ArrayList<>();
            departments.forEach((code, area) -> areas.add(new Area(code,
                    List.copyOf(area.getOrDefault("topics", List.of())),
                    List.copyOf(area.getOrDefault("keywords", List.of())))));
            return List.copyOf(areas);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("The responsibility catalogue " + file + " cannot be read", e);
        }
    }
}
