/**
 * The port to CI services: list runs, read jobs and logs, read files and commits at a revision, ask
 * for re-runs. Adapters live in sub-packages ({@code ci.github}); this package depends only on model.
 */
package dev.cidoctor.ci;
