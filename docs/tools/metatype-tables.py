#!/usr/bin/env python3
"""Prints a Markdown table per metatype file (OSGI-INF/metatype/*.xml of the built bundles), for docs/KURA.md.
Usage: python3 docs/tools/metatype-tables.py bundles/*/target/classes/OSGI-INF/metatype/*.xml"""
import sys
import xml.dom.minidom


def cell(s):
    return (s or "").replace("|", "\\|").replace("\n", " ")


for path in sys.argv[1:]:
    doc = xml.dom.minidom.parse(path)  # not namespace-aware, like Kura's parser
    for ocd in doc.getElementsByTagName("OCD"):
        designate = doc.getElementsByTagName("Designate")[0]
        factory = designate.getAttribute("factoryPid")
        print(f"#### {ocd.getAttribute('name')}: `{ocd.getAttribute('id')}`" + (" (factory)" if factory else ""))
        print()
        print(cell(ocd.getAttribute("description")))
        print()
        print("| Attribute | Name | Type | Default | Required | Description |")
        print("|---|---|---|---|---|---|")
        for ad in ocd.getElementsByTagName("AD"):
            options = [o.getAttribute("value") for o in ad.getElementsByTagName("Option")]
            desc = cell(ad.getAttribute("description"))
            if options:
                desc += " Options: " + ", ".join(f"`{o}`" for o in options) + "."
            rng = "".join(f" {k} {ad.getAttribute(k)}." for k in ("min", "max") if ad.getAttribute(k))
            card = ad.getAttribute("cardinality")
            typ = ad.getAttribute("type") + (f" (cardinality {card})" if card and card != "0" else "")
            required = "no" if ad.getAttribute("required") == "false" else "yes"
            print(f"| `{ad.getAttribute('id')}` | {cell(ad.getAttribute('name'))} | {typ} | "
                  f"`{cell(ad.getAttribute('default'))}` | {required} | {desc}{rng} |")
        print()
