package org.sslskura.itests;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Parses a metatype resource the way Kura 5's ConfigurationService does: a plain, not
 * namespace-aware DocumentBuilderFactory; children matched by their unprefixed node names OCD, AD, Designate; AD types
 * must be one of Kura's Scalar values ({@code Tscalar.fromValue} throws otherwise); the OCD id must be the PID.
 */
final class KuraMetatype {
    static final Set<String> SCALARS = Set.of("String", "Long", "Double", "Float", "Integer", "Byte", "Char",
            "Boolean", "Short", "Password");

    private KuraMetatype() {
    }

    /** @return the problems found (empty: Kura reads the OCD of {@code pid} with every AD) */
    static List<String> check(String pid, InputStream xml) throws Exception {
        List<String> problems = new ArrayList<>();
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml);
        Element root = doc.getDocumentElement();
        List<Element> ocds = new ArrayList<>();
        List<Element> designates = new ArrayList<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n.getNodeType() != Node.ELEMENT_NODE) {
                continue;
            }
            String name = n.getNodeName();
            if (name.equals("OCD")) {
                ocds.add((Element) n);
            } else if (name.equals("Designate")) {
                designates.add((Element) n);
            } else if (name.endsWith(":OCD") || name.endsWith(":Designate")) {
                problems.add("prefixed element <" + name + "> is ignored by Kura");
            }
        }
        Element ocd = null;
        for (Element e : ocds) {
            if (pid.equals(e.getAttribute("id"))) {
                ocd = e;
            }
        }
        if (ocd == null) {
            problems.add("no <OCD id=\"" + pid + "\"> (found " + ocds.size() + " OCDs)");
        } else {
            int ads = 0;
            NodeList adNodes = ocd.getChildNodes();
            for (int i = 0; i < adNodes.getLength(); i++) {
                Node n = adNodes.item(i);
                if (n.getNodeType() != Node.ELEMENT_NODE || !n.getNodeName().equals("AD")) {
                    continue;
                }
                ads++;
                Element ad = (Element) n;
                String type = ad.getAttribute("type");
                if (!SCALARS.contains(type)) {
                    problems.add("AD " + ad.getAttribute("id") + " has type '" + type + "' outside Kura's Scalar set");
                }
                if (ad.getAttribute("id").isEmpty()) {
                    problems.add("AD without id");
                }
            }
            if (ads == 0) {
                problems.add("OCD " + pid + " has no AD");
            }
        }
        boolean designated = false;
        for (Element d : designates) {
            if (pid.equals(d.getAttribute("pid")) || pid.equals(d.getAttribute("factoryPid"))) {
                designated = true;
                NodeList objects = d.getChildNodes();
                for (int i = 0; i < objects.getLength(); i++) {
                    Node n = objects.item(i);
                    if (n.getNodeType() == Node.ELEMENT_NODE && n.getNodeName().equals("Object")
                            && !pid.equals(((Element) n).getAttribute("ocdref"))) {
                        problems.add("Designate of " + pid + " refers to OCD " + ((Element) n).getAttribute("ocdref"));
                    }
                }
            }
        }
        if (!designated) {
            problems.add("no <Designate pid|factoryPid=\"" + pid + "\">");
        }
        return problems;
    }
}
