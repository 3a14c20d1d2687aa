/// A notebook written as nbgrader documents its format: read-only setup, autograded answer
/// cells with and without markers, test cells with points and hidden tests, a manually
/// graded Markdown answer, an attachment, a raw cell and an IPython magic.
enum NbgraderFixture {
    static let json = #"""
{
 "cells": [
  {
   "cell_type": "markdown",
   "id": "m0",
   "metadata": {},
   "source": [
    "# Lab: vectors\n",
    "\n",
    "Squares and sums, graded by nbgrader.\n",
    "\n",
    "![diagram](attachment:diagram.png)"
   ],
   "attachments": {
    "diagram.png": {
     "image/png": "iVBORw0KGgoAAAAAAAAAAAAAAAAAAAAA"
    }
   }
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "id": "c1",
   "metadata": {
    "nbgrader": {
     "schema_version": 3,
     "task": false,
     "grade": false,
     "solution": false,
     "locked": true,
     "grade_id": "setup"
    }
   },
   "outputs": [],
   "source": [
    "%matplotlib inline\n",
    "import numpy as np\n",
    "data = [1, 2, 3]"
   ]
  },
  {
   "cell_type": "markdown",
   "id": "m2",
   "metadata": {
    "nbgrader": {
     "grade": false,
     "solution": false,
     "locked": true,
     "grade_id": "intro_squares",
     "schema_version": 3,
     "task": false
    }
   },
   "source": [
    "Write `squares(xs)`: the list of squares of `xs`."
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "id": "c3",
   "metadata": {
    "nbgrader": {
     "schema_version": 3,
     "task": false,
     "grade": false,
     "solution": true,
     "locked": false,
     "grade_id": "squares"
    }
   },
   "outputs": [],
   "source": [
    "def squares(xs):\n",
    "    \"\"\"Return the squares.\"\"\"\n",
    "    ### BEGIN SOLUTION\n",
    "    return [x * x for x in xs]\n",
    "    ### END SOLUTION"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "id": "c4",
   "metadata": {
    "nbgrader": {
     "schema_version": 3,
     "task": false,
     "grade": true,
     "solution": false,
     "locked": true,
     "grade_id": "correct_squares",
     "points": 1
    }
   },
   "outputs": [],
   "source": [
    "\"\"\"Check that squares returns the right values\"\"\"\n",
    "assert squares([1, 2, 3]) == [1, 4, 9]"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "id": "c5",
   "metadata": {
    "nbgrader": {
     "schema_version": 3,
     "task": false,
     "grade": true,
     "solution": false,
     "locked": true,
     "grade_id": "squares_hidden",
     "points": 2
    }
   },
   "outputs": [],
   "source": [
    "assert squares([]) == []\n",
    "### BEGIN HIDDEN TESTS\n",
    "assert squares([-2]) == [4]\n",
    "### END HIDDEN TESTS"
   ]
  },
  {
   "cell_type": "markdown",
   "id": "m6",
   "metadata": {},
   "source": [
    "Now write `total(xs)`, the sum."
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "id": "c7",
   "metadata": {
    "nbgrader": {
     "schema_version": 3,
     "task": false,
     "grade": false,
     "solution": true,
     "locked": false,
     "grade_id": "total"
    }
   },
   "outputs": [],
   "source": [
    "def total(xs):\n",
    "    s = 0\n",
    "    for x in xs:\n",
    "        s += x\n",
    "    return s"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "id": "c8",
   "metadata": {
    "nbgrader": {
     "schema_version": 3,
     "task": false,
     "grade": true,
     "solution": false,
     "locked": true,
     "grade_id": "correct_total",
     "points": 1.5
    }
   },
   "outputs": [],
   "source": [
    "assert total([1, 2, 3]) == 6\n",
    "print(\"total ok\")"
   ]
  },
  {
   "cell_type": "markdown",
   "id": "m9",
   "metadata": {
    "nbgrader": {
     "grade": true,
     "solution": true,
     "locked": false,
     "grade_id": "explain",
     "points": 1,
     "schema_version": 3,
     "task": false
    }
   },
   "source": [
    "Explain in words why squares are never negative."
   ]
  },
  {
   "cell_type": "raw",
   "id": "r1",
   "metadata": {},
   "source": [
    "\\newpage"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": null,
   "id": "c11",
   "metadata": {},
   "outputs": [],
   "source": [
    "print(squares(data), total(data))"
   ]
  }
 ],
 "metadata": {
  "kernelspec": {
   "display_name": "Python 3",
   "language": "python",
   "name": "python3"
  },
  "language_info": {
   "name": "python",
   "version": "3.11.4"
  }
 },
 "nbformat": 4,
 "nbformat_minor": 5
}
"""#
}
