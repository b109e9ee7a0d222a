package kr.go.ax.evaluation.rubrics;

/** The two reviews of the programme: document review (서면평가) and presentation review (발표평가). */
public enum Stage {
    DOCUMENT, PRESENTATION
}
