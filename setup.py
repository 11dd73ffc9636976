"""Packaging for effresearch: every field comes from settings.ini, the single source of metadata."""
import shlex
from configparser import ConfigParser

import setuptools

config = ConfigParser(delimiters=["="])
config.read("settings.ini", encoding="utf-8")
cfg = config["DEFAULT"]

for key in ("version", "description", "keywords", "author", "author_email", "license", "min_python", "lib_name", "user"):
    if key not in cfg:
        raise ValueError(f"settings.ini is missing the key {key!r}; add it under [DEFAULT].")

licenses = {"apache2": ("Apache Software License 2.0", "OSI Approved :: Apache Software License")}
license_name, license_classifier = licenses[cfg["license"]]


def split_requirements(key):
    """Split a space-separated requirement list from settings.ini, keeping quoted specifiers whole."""
    return shlex.split(cfg.get(key, ""))


setuptools.setup(
    name=cfg["lib_name"],
    version=cfg["version"],
    description=cfg["description"],
    long_description=open("README.md", encoding="utf-8").read(),
    long_description_content_type="text/markdown",
    keywords=cfg["keywords"],
    author=cfg["author"],
    author_email=cfg["author_email"],
    license=license_name,
    url=cfg["git_url"],
    classifiers=[
        "Development Status :: 3 - Alpha",
        f"License :: {license_classifier}",
        "Natural Language :: English",
        "Programming Language :: Python :: 3.11",
    ],
    packages=setuptools.find_packages(include=[cfg["lib_name"], cfg["lib_name"] + ".*"]),
    include_package_data=True,
    install_requires=split_requirements("requirements"),
    extras_require={"dev": split_requirements("dev_requirements")},
    python_requires=">=" + cfg["min_python"],
    zip_safe=False,
    entry_points={
        "console_scripts": split_requirements("console_scripts"),
        "nbdev": [f"{cfg['lib_name']}={cfg['lib_name']}._modidx:d"],
    },
)
