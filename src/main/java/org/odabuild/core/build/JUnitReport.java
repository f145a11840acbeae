package org.odabuild.core.build;

import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The totals of a JUnit XML report ({@code <testsuite>} or {@code <testsuites>}) written by a test image. */
record JUnitReport(int tests, int failures, int errors) {

    boolean passed() {
        return failures == 0 && errors == 0;
    }

    /** @throws IllegalArgumentException when the text is not a JUnit report */
    static JUnitReport parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            Document doc = f.newDocumentBuilder().parse(new InputSource(new StringReader(xml.strip())));
            NodeList suites = doc.getElementsByTagName("testsuite");
            if (suites.getLength() == 0) {
                throw new IllegalArgumentException("no <testsuite> element");
            }
            int tests = 0;
            int failures = 0;
            int errors = 0;
            for (int i = 0; i < suites.getLength(); i++) {
                Element s = (Element) suites.item(i);
                tests += count(s, "tests");
                failures += count(s, "failures");
                errors += count(s, "errors");
            }
            // reports that leave out the totals still carry <failure>/<error> elements
            failures = Math.max(failures, doc.getElementsByTagName("failure").getLength());
            errors = Math.max(errors, doc.getElementsByTagName("error").getLength());
            return new JUnitReport(tests, failures, errors);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JUnit XML report: " + e.getMessage(), e);
        }
    }

    private static int count(Element e, String attribute) {
        String v = e.getAttribute(attribute);
        try {
            return v.isBlank() ? 0 : (int) Double.parseDouble(v);
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
